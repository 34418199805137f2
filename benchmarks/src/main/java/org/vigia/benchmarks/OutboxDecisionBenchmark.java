package org.vigia.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import org.vigia.bot.telegram.Outbox;

/**
 * The cost of one send decision of the bot's {@link Outbox} when it has seen {@code chats} chats: each seen
 * chat was sent a message whose token is not back yet (a 1-hour interval), so its lane is held; then each
 * operation queues one answer to a button press in another chat and waits until the outbox has sent it. The
 * Telegram client answers at once, in memory, so what is measured is the outbox's own work (queueing, the
 * decision, the hand-off to its worker thread and back, the client's JSON), not the network.
 *
 * <p>Command (from the worktree root):
 *
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar OutboxDecision -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OutboxDecisionBenchmark {

	@Param({ "100", "100000" })
	int chats;

	Outbox outbox;

	AnswerCallbackQuery answer;

	@Setup(Level.Trial)
	public void seeChats() {
		outbox = new Outbox(answeringAtOnce(), new Outbox.Limits(1_000_000, Duration.ofHours(1), 1, Duration.ofHours(1),
				Duration.ofMinutes(15), Duration.ofSeconds(15)));
		var sent = new ArrayList<CompletableFuture<?>>();
		for (int i = 0; i < chats; i++) {
			String chat = Integer.toString(1_000_000 + i);
			sent.add(outbox.call(chat, SendMessage.builder().chatId(chat).text("hello").build(), Outbox.Priority.NORMAL));
		}
		CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
		answer = AnswerCallbackQuery.builder().callbackQueryId("cb").build();
	}

	@TearDown(Level.Trial)
	public void close() {
		outbox.close();
	}

	@Benchmark
	public Boolean sendOneAnswer() {
		return outbox.call("42", answer, Outbox.Priority.URGENT).join();
	}

	/**
	 * The bot's Telegram client, whose HTTP client never reaches the network: every call is answered at once,
	 * in memory, with what Telegram would answer.
	 */
	static TelegramClient answeringAtOnce() {
		var json = MediaType.get("application/json");
		var http = new OkHttpClient.Builder().addInterceptor(chain -> {
			Request request = chain.request();
			String result = request.url().encodedPath().endsWith("/sendmessage")
					? "{\"message_id\":1,\"date\":1700000000,\"chat\":{\"id\":1,\"type\":\"private\"}}" : "true";
			return new Response.Builder().request(request)
				.protocol(Protocol.HTTP_1_1)
				.code(200)
				.message("OK")
				.body(ResponseBody.create("{\"ok\":true,\"result\":" + result + "}", json))
				.build();
		}).build();
		return new OkHttpTelegramClient(http, "123456:benchmark", new TelegramUrl("http", "127.0.0.1", 9, false));
	}

}
