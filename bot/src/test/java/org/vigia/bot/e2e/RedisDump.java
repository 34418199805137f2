package org.vigia.bot.e2e;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Every key under a prefix with its whole value as text, whatever its type: what a seized dump would show. */
final class RedisDump {

	/** A key, its type, and every piece of its value (fields and values, members and scores, stream entries). */
	record Entry(String key, DataType type, List<String> values) {
	}

	private RedisDump() {
	}

	static List<Entry> read(StringRedisTemplate redis, String prefix) {
		var keys = new ArrayList<String>();
		try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(prefix + "*").count(1000).build())) {
			cursor.forEachRemaining(keys::add);
		}
		var entries = new ArrayList<Entry>();
		for (String key : keys) {
			DataType type = redis.type(key);
			var values = new ArrayList<String>();
			switch (type == null ? DataType.NONE : type) {
				case STRING -> add(values, redis.opsForValue().get(key));
				case HASH -> redis.opsForHash().entries(key).forEach((field, value) -> {
					add(values, field);
					add(values, value);
				});
				case SET -> redis.opsForSet().members(key).forEach(m -> add(values, m));
				case ZSET -> redis.opsForZSet().rangeWithScores(key, 0, -1).forEach(t -> {
					add(values, t.getValue());
					add(values, String.valueOf(t.getScore()));
				});
				case LIST -> redis.opsForList().range(key, 0, -1).forEach(v -> add(values, v));
				case STREAM -> {
					List<MapRecord<String, Object, Object>> records = redis.opsForStream().range(key, Range.unbounded());
					for (MapRecord<String, Object, Object> record : records) {
						record.getValue().forEach((field, value) -> {
							add(values, field);
							add(values, value);
						});
					}
				}
				default -> {
					// expired between SCAN and TYPE: nothing left to read
				}
			}
			entries.add(new Entry(key, type, values));
		}
		return entries;
	}

	private static void add(List<String> values, Object value) {
		if (value != null) {
			values.add(String.valueOf(value));
		}
	}

	/** The markers of a JPEG's segments up to the image data (SOS), or an empty list if it is not a JPEG. */
	static List<Integer> jpegMarkers(byte[] jpeg) {
		var markers = new ArrayList<Integer>();
		if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
			return markers;
		}
		int i = 2;
		while (i + 3 < jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
			int marker = jpeg[i + 1] & 0xFF;
			markers.add(marker);
			if (marker == 0xDA) {
				break;
			}
			int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
			i += 2 + length;
		}
		return markers;
	}

}
