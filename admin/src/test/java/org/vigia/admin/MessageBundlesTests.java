package org.vigia.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every console text exists in English and in Spanish, and no Spanish text was left in English. */
class MessageBundlesTests {

	static Properties bundle(String name) throws IOException {
		var properties = new Properties();
		try (InputStream in = MessageBundlesTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void everyKeyIsInBothLanguages() throws IOException {
		Properties en = bundle("messages.properties");
		Properties es = bundle("messages_es.properties");

		assertThat(es.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
	}

	@Test
	void spanishTextsAreTranslated() throws IOException {
		Properties en = bundle("messages.properties");
		Properties es = bundle("messages_es.properties");
		for (String key : en.stringPropertyNames()) {
			String english = en.getProperty(key);
			// short names that are the same in both languages: agencies, "Vigía", symbols and numbers only
			if (english.length() > 12) {
				assertThat(es.getProperty(key)).as(key).isNotEqualTo(english);
			}
		}
	}

}
