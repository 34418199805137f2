package org.vigia.bot;

/** What Telegram's HTML parse mode accepts, for tests that read what people were sent. */
public final class TelegramHtml {

	private TelegramHtml() {
	}

	/** Only closed, properly nested tags and escaped &amp;, &lt;, &gt;: a strict XML parse must pass. */
	public static void assertWellFormed(String html) {
		try {
			var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			var builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			builder.parse(new org.xml.sax.InputSource(new java.io.StringReader("<r>" + html + "</r>")));
		}
		catch (Exception ex) {
			throw new AssertionError("not well-formed for Telegram HTML: " + html, ex);
		}
	}

}
