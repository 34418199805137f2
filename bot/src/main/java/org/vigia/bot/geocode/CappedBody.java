package org.vigia.bot.geocode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read as UTF-8 text up to a cap: past {@code max} bytes the subscription is cancelled (the
 * connection is dropped, nothing more is read) and the body fails with an {@link IOException}. Bytes are
 * requested one buffer at a time, so no more than one buffer beyond the cap is ever held.
 */
final class CappedBody implements HttpResponse.BodySubscriber<String> {

	private final int max;

	private final CompletableFuture<String> body = new CompletableFuture<>();

	private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

	private Flow.Subscription subscription;

	private CappedBody(int max) {
		this.max = max;
	}

	static HttpResponse.BodyHandler<String> handler(int max) {
		return info -> {
			long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
			var subscriber = new CappedBody(max);
			if (declared > max) {
				// refused before a byte is read
				subscriber.body.completeExceptionally(new IOException("body of " + declared + " bytes is over the cap"));
			}
			return subscriber;
		};
	}

	@Override
	public CompletionStage<String> getBody() {
		return body;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		if (body.isDone()) {
			subscription.cancel();
			return;
		}
		subscription.request(1);
	}

	@Override
	public void onNext(List<ByteBuffer> buffers) {
		for (ByteBuffer buffer : buffers) {
			if (bytes.size() + buffer.remaining() > max) {
				subscription.cancel();
				body.completeExceptionally(new IOException("body over " + max + " bytes"));
				return;
			}
			byte[] chunk = new byte[buffer.remaining()];
			buffer.get(chunk);
			bytes.write(chunk, 0, chunk.length);
		}
		subscription.request(1);
	}

	@Override
	public void onError(Throwable error) {
		body.completeExceptionally(error);
	}

	@Override
	public void onComplete() {
		body.complete(bytes.toString(StandardCharsets.UTF_8));
	}

}
