package org.vigia.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import org.vigia.bot.telegram.TelegramMessenger;
import org.vigia.core.messaging.Inbound;
import org.vigia.core.messaging.StyledText;

/**
 * What the messaging port adds to each message on the Telegram path: before the seam, the bundles' HTML went
 * to Telegram as it was; now it is read into a {@link StyledText} (jsoup) and written back as Telegram HTML by
 * the adapter. And each typed text becomes an {@link Inbound} (a command is recognised once, by a regular
 * expression). The texts are the bot's longest usual ones: an observer's prompt and a channel alert.
 *
 * <p>Command (from the worktree root):
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar SeamRender -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SeamRenderBenchmark {

	static final String PROMPT = "<b>¿Puede ir a verificar?</b>\nResidentes reportan una detención en 18th St &amp; Ashland "
			+ "(a unos 400 m al noreste de usted).\n👁 3 reportes · de 3 a 5 agentes · 1 vehículo · uniformes: ICE, HSI\n"
			+ "🕒 Visto por primera vez a las 10:42 · último reporte a las 10:51\n👥 4 observadores consultados · 1 en camino\n"
			+ "<i>Nunca se ponga en peligro.</i>";

	static final String ALERT = "🔴 <b>VERIFIED: immigration agents</b> — Pilsen\n📍 18th St &amp; Ashland\n👁 Checkpoint\n"
			+ "🕒 Since 10:42\n✅ Verified by 2 trained observers at 10:55\n\n<b>Know your rights:</b> you have the right "
			+ "to remain silent. Do not open the door without a warrant signed by a judge. Do not share unverified rumors. "
			+ "<a href=\"https://example.org/rights\">More</a>";

	@Param({ "prompt", "alert" })
	String text;

	String html;

	@org.openjdk.jmh.annotations.Setup
	public void pick() {
		html = "prompt".equals(text) ? PROMPT : ALERT;
	}

	/** An outgoing text through the port: markup read, then written as Telegram HTML. */
	@Benchmark
	public String outgoingText() {
		return TelegramMessenger.html(StyledText.fromMarkup(html));
	}

	/** An incoming text through the port: recognised as a command or typed text. */
	@Benchmark
	public Inbound.Content incomingText() {
		return Inbound.typedContent("/join 7KQ2M");
	}

}
