package dev.payrelay.gateway.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The QR codes of the checkout page read back, by ZXing's decoder, as the URI they encode. */
class QrSvgTest {

  static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
  static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z");
  static final int PIXELS_PER_MODULE = 4;

  @Test
  void eachCodeDecodesToItsUri() throws Exception {
    long seed = 0x5eed_c0deL;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 20; i++) {
      String uri =
          "ethereum:0x"
              + hex(random, 40)
              + "@1337/transfer?address=0x"
              + hex(random, 40)
              + "&uint256="
              + random.nextLong(1, Long.MAX_VALUE);
      String svg = QrSvg.of(uri, "QR code of a payment request");
      assertThat(decode(svg)).as("seed %x, case %d", seed, i).isEqualTo(uri);
    }
  }

  @Test
  void isPlainMarkupWithALabelAndNoStyleOrScript() {
    String svg = QrSvg.of("ethereum:0x0000000000000000000000000000000000000001@1", "A label");
    assertThat(svg)
        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .contains("role=\"img\"", "aria-label=\"A label\"")
        .doesNotContain("style", "script", "<image");
    assertThatThrownBy(() -> QrSvg.of("x", "a \"quoted\" label"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QrSvg.of("x".repeat(QrSvg.MAX_CONTENT_CHARS + 1), "label"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Draws the SVG's runs into pixels and lets ZXing read them. */
  static String decode(String svg) throws Exception {
    Matcher box = VIEW_BOX.matcher(svg);
    assertThat(box.find()).isTrue();
    int width = Integer.parseInt(box.group(1)) * PIXELS_PER_MODULE;
    int height = Integer.parseInt(box.group(2)) * PIXELS_PER_MODULE;
    int[] pixels = new int[width * height];
    java.util.Arrays.fill(pixels, 0xffffff);
    Matcher run = RUN.matcher(svg);
    while (run.find()) {
      int x0 = Integer.parseInt(run.group(1)) * PIXELS_PER_MODULE;
      int y0 = Integer.parseInt(run.group(2)) * PIXELS_PER_MODULE;
      int length = Integer.parseInt(run.group(3)) * PIXELS_PER_MODULE;
      for (int y = y0; y < y0 + PIXELS_PER_MODULE; y++) {
        for (int x = x0; x < x0 + length; x++) {
          pixels[y * width + x] = 0;
        }
      }
    }
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
    return new QRCodeReader()
        .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
        .getText();
  }

  private static String hex(SplittableRandom random, int digits) {
    StringBuilder out = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      out.append(Character.forDigit(random.nextInt(16), 16));
    }
    return out.toString();
  }
}
