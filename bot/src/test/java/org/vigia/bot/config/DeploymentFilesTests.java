package org.vigia.bot.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files an operator deploys with say what the code does: {@code .env.example} lists every setting the bot and
 * the console read (the environment variables named in their application.yml, and every field of their
 * {@code @ConfigurationProperties} records under the name Spring binds it from) with the code's own default, and
 * nothing the code does not read; its secrets are empty; {@code docker/compose.yaml} gives each container only its
 * own secrets, puts none on a command line, pins Redis (in {@code compose.ha.yaml} too) and every Dockerfile's base
 * image by digest (signal-cli by its version tag) and gives each JVM a memory limit that fits its heap and what is
 * not heap.
 */
class DeploymentFilesTests {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	/** Settings whose names say they are secret. */
	static final Pattern SECRET = Pattern.compile(".*(TOKEN|SECRET|PASSWORD|KEY).*");

	/** Variables only docker/compose.yaml reads (to build the applications' settings). */
	static final Set<String> COMPOSE_ONLY = Set.of("REDIS_PASSWORD");

	/** The heap each application was measured to need, and what it needs beside its heap (BENCHMARKS.md). */
	static final Map<String, long[]> MEMORY_MIB = Map.of("bot", new long[] { 512, 256 }, "admin", new long[] { 256, 192 });

	record Line(boolean commented, String value) {
	}

	record Setting(String variable, String property, String defaultValue) {
	}

	@Test
	void everySettingTheCodeReadsIsInTheExampleWithTheCodesDefault() {
		Map<String, Line> example = example();
		var problems = new ArrayList<String>();
		for (Setting setting : settings()) {
			Line line = example.get(setting.variable());
			if (line == null) {
				problems.add(setting.variable() + " (" + setting.property() + ") is missing");
			}
			else if (line.commented() && !line.value().equals(setting.defaultValue())) {
				problems.add(setting.variable() + " says its default is \"" + line.value() + "\", the code's is \""
						+ setting.defaultValue() + "\"");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyLineOfTheExampleIsReadByTheCode() {
		var read = new java.util.HashSet<String>(COMPOSE_ONLY);
		settings().forEach(s -> read.add(s.variable()));
		read.addAll(readDirectly());
		assertThat(example().keySet()).allSatisfy(variable -> assertThat(read).as("who reads " + variable)
			.contains(variable));
	}

	@Test
	void theVariableNamedForEachFieldReallySetsIt() {
		for (Setting setting : settings()) {
			if (placeholdered(setting)) {
				continue;
			}
			var environment = new StandardEnvironment();
			environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
			environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of(setting.variable(), "x-value")));
			ConfigurationPropertySources.attach(environment);
			assertThat(Binder.get(environment).bind(setting.property(), String.class).orElse(null))
				.as("%s sets %s", setting.variable(), setting.property())
				.isEqualTo("x-value");
		}
	}

	@Test
	void theExampleHoldsNoSecret() {
		example().forEach((variable, line) -> {
			if (SECRET.matcher(variable).matches()) {
				assertThat(line.value()).as(variable).isEmpty();
			}
		});
	}

	@Test
	void eachContainerGetsOnlyItsOwnSecretsAndNoneOnACommandLine() {
		// every setting of the example filled in, as an operator would
		var env = new TreeMap<String, String>();
		example().keySet().forEach(variable -> env.put(variable, "value-of-" + variable.toLowerCase()));
		Map<String, Object> services = section(compose(), "services");
		// both applications run store's code, which reads some variables directly (readDirectly)
		Map<String, Set<String>> reads = Map.of("bot", union(placeholders("bot").keySet(), readDirectly()), "admin",
				union(placeholders("admin").keySet(), readDirectly()), "redis", Set.of("REDIS_PASSWORD", "REDISCLI_AUTH"));
		assertThat(services.keySet()).containsAll(reads.keySet());
		for (String service : reads.keySet()) {
			Map<String, Object> definition = section(services, service);
			var effective = new LinkedHashMap<String, String>();
			if (definition.containsKey("env_file")) {
				effective.putAll(env);
			}
			Map<String, Object> environment = definition.containsKey("environment") ? section(definition, "environment")
					: Map.of();
			environment.forEach((name, value) -> effective.put(name, interpolate(String.valueOf(value), env)));
			effective.forEach((name, value) -> {
				if (SECRET.matcher(name).matches() && !value.isEmpty()) {
					assertThat(reads.get(service)).as("%s gets %s", service, name).contains(name);
				}
			});
			String commandLine = String.valueOf(definition.get("command")) + definition.get("entrypoint");
			env.forEach((name, value) -> {
				if (SECRET.matcher(name).matches()) {
					assertThat(interpolate(commandLine, env)).as("%s on %s's command line", name, service)
						.doesNotContain(value);
				}
			});
		}
		assertThat(section(section(services, "admin"), "environment")).containsEntry("TELEGRAM_BOT_TOKEN", "");
	}

	@Test
	void everyImageIsPinnedByDigestAndEveryJvmFitsItsMemoryLimit() throws IOException {
		Map<String, Object> services = section(compose(), "services");
		assertThat(String.valueOf(section(services, "redis").get("image"))).matches(".+@sha256:[0-9a-f]{64}");
		assertThat(Files.readAllLines(ROOT.resolve("docker/compose.ha.yaml"), StandardCharsets.UTF_8))
			.filteredOn(l -> l.strip().startsWith("image:"))
			.isNotEmpty()
			.allSatisfy(image -> assertThat(image).matches("\\s*image: \\S+@sha256:[0-9a-f]{64}"));
		assertThat(String.valueOf(section(services, "signal-cli").get("image"))).matches(".+:\\d+\\.\\d+\\.\\d+");
		for (String app : MEMORY_MIB.keySet()) {
			String dockerfile = Files.readString(ROOT.resolve("docker/" + app + ".Dockerfile"), StandardCharsets.UTF_8);
			assertThat(dockerfile.lines().filter(l -> l.startsWith("FROM ")))
				.allSatisfy(from -> assertThat(from).matches("FROM \\S+@sha256:[0-9a-f]{64}( AS \\w+)?"));
			Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(dockerfile);
			assertThat(percentage.find()).as(app + " sets its heap as a share of its limit").isTrue();
			long limit = mebibytes(String.valueOf(section(services, app).get("mem_limit")));
			long heap = limit * Long.parseLong(percentage.group(1)) / 100;
			assertThat(heap).as(app + "'s heap (MiB)").isGreaterThanOrEqualTo(MEMORY_MIB.get(app)[0]);
			assertThat(limit - heap).as(app + "'s room beside the heap (MiB)").isGreaterThanOrEqualTo(MEMORY_MIB.get(app)[1]);
		}
	}

	/** Every setting the bot and the console read: the variables of their application.yml, then their records' fields. */
	static List<Setting> settings() {
		var out = new ArrayList<Setting>();
		var mapped = new java.util.HashSet<String>();
		for (String app : List.of("bot", "admin")) {
			placeholders(app).forEach((variable, setting) -> {
				out.add(setting);
				mapped.add(setting.property());
			});
		}
		for (Setting field : recordFields()) {
			if (!mapped.contains(field.property())) {
				out.add(field);
			}
		}
		return out.stream().distinct().toList();
	}

	private static boolean placeholdered(Setting setting) {
		return !setting.variable().equals(relaxed(setting.property()));
	}

	/** The environment variables an application.yml names, with the property each sets and its default. */
	static Map<String, Setting> placeholders(String app) {
		var out = new TreeMap<String, Setting>();
		Pattern placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
		flatten("", yaml(ROOT.resolve(app + "/src/main/resources/application.yml"))).forEach((property, value) -> {
			Matcher m = placeholder.matcher(value);
			while (m.find()) {
				out.put(m.group(1), new Setting(m.group(1), property, m.group(2) == null ? "" : m.group(2)));
			}
		});
		return out;
	}

	/** Every field of the {@code @ConfigurationProperties} records in the sources, as Spring binds it from the environment. */
	static List<Setting> recordFields() {
		Pattern annotated = Pattern.compile("@ConfigurationProperties\\(\"([a-z.-]+)\"\\)\\s*(?:public\\s+)?record\\s+\\w+\\(");
		Pattern component = Pattern.compile("(?:@DefaultValue\\(\"([^\"]*)\"\\)\\s+)?[\\w<>,. ?]+\\s+(\\w+)$");
		var out = new ArrayList<Setting>();
		try (Stream<Path> sources = Files.walk(ROOT)) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
				.toList()) {
				String text = Files.readString(source, StandardCharsets.UTF_8);
				Matcher m = annotated.matcher(text);
				while (m.find()) {
					for (String parameter : parameters(text, m.end())) {
						Matcher c = component.matcher(parameter.strip().replaceAll("\\s+", " "));
						assertThat(c.find()).as("a record component of %s: %s", source, parameter).isTrue();
						String property = m.group(1) + "." + kebab(c.group(2));
						out.add(new Setting(relaxed(property), property, c.group(1) == null ? "" : c.group(1)));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out;
	}

	/**
	 * Variables the code reads from the environment by their own name, not through a settings record (e.g. the
	 * Redis Sentinel settings, turned into Spring Data Redis's own before the application starts).
	 */
	static Set<String> readDirectly() {
		Pattern read = Pattern.compile("getProperty\\(\"([A-Z][A-Z0-9_]*)\"");
		var out = new java.util.TreeSet<String>();
		try (Stream<Path> sources = Files.walk(ROOT)) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
				.toList()) {
				Matcher m = read.matcher(Files.readString(source, StandardCharsets.UTF_8));
				while (m.find()) {
					out.add(m.group(1));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out;
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		var out = new java.util.TreeSet<>(a);
		out.addAll(b);
		return out;
	}

	/** The top-level comma-separated parameters of a header opened just before {@code from}. */
	private static List<String> parameters(String text, int from) {
		var out = new ArrayList<String>();
		int depth = 0;
		boolean quoted = false;
		var current = new StringBuilder();
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '(' || c == '<')) {
				depth++;
			}
			else if (!quoted && c == '>') {
				depth--;
			}
			else if (!quoted && c == ')') {
				if (depth == 0) {
					out.add(current.toString());
					return out;
				}
				depth--;
			}
			else if (!quoted && c == ',' && depth == 0) {
				out.add(current.toString());
				current.setLength(0);
				continue;
			}
			current.append(c);
		}
		throw new IllegalStateException("an unclosed record header");
	}

	/** The environment variable Spring binds a property from: dots to underscores, no dashes, upper case. */
	static String relaxed(String property) {
		return property.replace('.', '_').replace("-", "").toUpperCase(java.util.Locale.ROOT);
	}

	static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
	}

	/** The example's lines {@code NAME=value} and {@code #NAME=value}, in order. */
	static Map<String, Line> example() {
		var out = new LinkedHashMap<String, Line>();
		Pattern line = Pattern.compile("^(#?)([A-Z][A-Z0-9_]*)=(.*)$");
		try {
			for (String each : Files.readAllLines(ROOT.resolve(".env.example"), StandardCharsets.UTF_8)) {
				Matcher m = line.matcher(each);
				if (m.matches()) {
					assertThat(out).as("%s listed twice", m.group(2)).doesNotContainKey(m.group(2));
					out.put(m.group(2), new Line(!m.group(1).isEmpty(), m.group(3)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out;
	}

	/** Compose's interpolation of {@code ${NAME}}, {@code ${NAME:-default}} and {@code ${NAME:?message}}. */
	static String interpolate(String text, Map<String, String> env) {
		Matcher m = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)(?::([-?])([^}]*))?}").matcher(text);
		var out = new StringBuilder();
		while (m.find()) {
			String value = env.getOrDefault(m.group(1), "");
			if (value.isEmpty() && "-".equals(m.group(2))) {
				value = m.group(3);
			}
			m.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		m.appendTail(out);
		return out.toString();
	}

	static Map<String, Object> compose() {
		return yaml(ROOT.resolve("docker/compose.yaml"));
	}

	static Map<String, Object> yaml(Path file) {
		try {
			return new Yaml().load(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> section(Map<String, Object> map, String key) {
		assertThat(map).containsKey(key);
		return (Map<String, Object>) map.get(key);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> flatten(String prefix, Map<String, Object> map) {
		var out = new TreeMap<String, String>();
		map.forEach((key, value) -> {
			String path = prefix.isEmpty() ? key : prefix + "." + key;
			if (value instanceof Map<?, ?> nested) {
				out.putAll(flatten(path, (Map<String, Object>) nested));
			}
			else {
				out.put(path, String.valueOf(value));
			}
		});
		return out;
	}

	private static long mebibytes(String size) {
		Matcher m = Pattern.compile("(\\d+)([mg])").matcher(size.toLowerCase(java.util.Locale.ROOT));
		assertThat(m.matches()).as("a memory limit such as 768m or 1g: " + size).isTrue();
		return Long.parseLong(m.group(1)) * (m.group(2).equals("g") ? 1024 : 1);
	}

}
