package org.vigia.admin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.nayuki.qrcodegen.QrCode.Ecc;

/**
 * The QR code an authenticator app scans to add an account's second factor, drawn as SVG on the server
 * (io.nayuki:qrcodegen), so the secret never leaves the console for a third-party QR service.
 */
final class QrCode {

	private QrCode() {
	}

	/** An {@code otpauth://} URI as a {@code data:} URL of an SVG image. */
	static String svgDataUrl(String text) {
		io.nayuki.qrcodegen.QrCode qr = io.nayuki.qrcodegen.QrCode.encodeText(text, Ecc.MEDIUM);
		int border = 4;
		int size = qr.size + border * 2;
		var path = new StringBuilder();
		for (int y = 0; y < qr.size; y++) {
			for (int x = 0; x < qr.size; x++) {
				if (qr.getModule(x, y)) {
					path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
				}
			}
		}
		String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
				+ "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
				+ path + "\" fill=\"#000\"/></svg>";
		return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
	}

	/** The URI authenticator apps read: issuer Vigía, the account name, the base32 secret. */
	static String otpauth(String username, String secret) {
		return "otpauth://totp/Vigia:" + username + "?secret=" + secret + "&issuer=Vigia";
	}

}
