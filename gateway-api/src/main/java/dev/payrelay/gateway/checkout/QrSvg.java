package dev.payrelay.gateway.checkout;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A QR code (ISO/IEC 18004, encoded by ZXing) drawn as an inline SVG on the server: one path of
 * horizontal runs of dark modules on a white square, so it needs no script, no image request and no
 * inline style (the checkout's CSP allows none).
 */
final class QrSvg {

  /** Light modules around the code, as the standard asks (four modules). */
  static final int QUIET_ZONE_MODULES = 4;

  /** EIP-681 URIs of the proxy calls run to about 300 characters; far below a QR code's limit. */
  static final int MAX_CONTENT_CHARS = 1000;

  private QrSvg() {}

  /**
   * The SVG markup of {@code content} as a QR code with medium error correction, labelled for
   * screen readers with {@code label} (plain words: it is written into an attribute unescaped).
   */
  static String of(String content, String label) {
    if (content.length() > MAX_CONTENT_CHARS) {
      throw new IllegalArgumentException("QR content of " + content.length() + " characters");
    }
    if (!label.matches("[A-Za-z0-9 ,.:()-]{1,100}")) {
      throw new IllegalArgumentException("a QR label is plain words, got " + label);
    }
    BitMatrix matrix;
    try {
      matrix =
          new QRCodeWriter()
              .encode(
                  content,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      QUIET_ZONE_MODULES,
                      EncodeHintType.CHARACTER_SET,
                      StandardCharsets.UTF_8.name()));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode a QR code of this content", e);
    }
    int width = matrix.getWidth();
    int height = matrix.getHeight();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < height; y++) {
      int x = 0;
      while (x < width) {
        if (!matrix.get(x, y)) {
          x++;
          continue;
        }
        int start = x;
        while (x < width && matrix.get(x, y)) {
          x++;
        }
        path.append('M')
            .append(start)
            .append(' ')
            .append(y)
            .append('h')
            .append(x - start)
            .append("v1h-")
            .append(x - start)
            .append('z');
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" aria-label=\""
        + label
        + "\" viewBox=\"0 0 "
        + width
        + " "
        + height
        + "\" shape-rendering=\"crispEdges\"><rect width=\""
        + width
        + "\" height=\""
        + height
        + "\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\""
        + path
        + "\"/></svg>";
  }
}
