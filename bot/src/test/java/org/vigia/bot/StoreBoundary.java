package org.vigia.bot;

import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

/**
 * Which classes may name store's classes: the wiring, and otherwise only a few named ones. Shared by the bot's
 * and the console's ArchitectureTests.
 */
public final class StoreBoundary {

	/**
	 * Store classes that everyone may use, since they are not storage: keyed hashes of addresses
	 * ({@code Pseudonyms}) and writes retried after a Redis outage ({@code Eventually}). (The failure of every
	 * storage port when Redis cannot be reached, {@code StoreUnavailableException}, is core's.)
	 */
	public static final Set<String> SHARED = Set.of("org.vigia.store.Pseudonyms", "org.vigia.store.Eventually");

	/**
	 * Store's plumbing for the few classes outside store that read and write Redis themselves (the Signal inbox
	 * and menus in the bot; the console's accounts, command log, event relay and live state): the key prefix,
	 * the process heartbeat, the settings, the capped-stream append, the embedded server's status and which Redis
	 * this is ({@code RedisEndpoint}: the console's accounts need a key of their own unless it is the local one).
	 */
	public static final Set<String> PLUMBING = Set.of("org.vigia.store.RedisKeys", "org.vigia.store.RedisInstances",
			"org.vigia.store.RedisSettings", "org.vigia.store.RedisStreams", "org.vigia.store.EmbeddedRedis",
			"org.vigia.store.RedisEndpoint");

	/**
	 * Store's classes (nested ones included) other than {@link #SHARED} and {@link #PLUMBING}: its Redis adapters
	 * of core's storage ports ({@code RedisChatState}, {@code RedisPostLedger}, {@code SignalCaptchaFlag} …).
	 */
	public static final DescribedPredicate<JavaClass> STORAGE = DescribedPredicate
		.describe("store's storage classes (any but " + SHARED + " and " + PLUMBING + ")", c -> {
			JavaClass top = topLevel(c);
			return top.getPackageName().equals("org.vigia.store") && !SHARED.contains(top.getName())
					&& !PLUMBING.contains(top.getName());
		});

	private StoreBoundary() {
	}

	/**
	 * Classes that are not wiring: not the application class, not (inside) a class named {@code *Config}, and
	 * outside the {@code configPackages}.
	 */
	public static DescribedPredicate<JavaClass> notWiring(Class<?> application, String... configPackages) {
		return DescribedPredicate.describe("are not wiring (" + application.getSimpleName() + ", *Config"
				+ (configPackages.length == 0 ? "" : ", " + String.join(", ", configPackages)) + ")", c -> {
					JavaClass top = topLevel(c);
					boolean inConfigPackage = Stream.of(configPackages)
						.anyMatch(p -> top.getPackageName().equals(p) || top.getPackageName().startsWith(p + "."));
					return !(inConfigPackage || top.getSimpleName().endsWith("Config")
							|| top.getName().equals(application.getName()));
				});
	}

	private static JavaClass topLevel(JavaClass c) {
		JavaClass top = c;
		while (top.getEnclosingClass().isPresent()) {
			top = top.getEnclosingClass().get();
		}
		return top;
	}

}
