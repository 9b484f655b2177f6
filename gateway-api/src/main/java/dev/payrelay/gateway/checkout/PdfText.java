package dev.payrelay.gateway.checkout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A top-to-bottom text writer over PDFBox: A4 pages, Helvetica, lines wrapped at the margin, a new
 * page when one is full. The standard fonts encode WinAnsi (Latin-1) only, so any other character
 * of merchant text is written as {@code ?} (the HTML page shows it as it is).
 */
final class PdfText implements AutoCloseable {

  static final float MARGIN_POINTS = 50;
  static final float BODY_SIZE = 10;

  private final PDDocument document = new PDDocument();
  private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private final PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
  private PDPageContentStream page;
  private float y;

  PdfText(String title) {
    document.getDocumentInformation().setTitle(latin1(title));
    document.getDocumentInformation().setProducer("PayRelay");
    newPage();
  }

  PdfText heading(String text) {
    return write(bold, 18, text, 8);
  }

  PdfText subheading(String text) {
    space(6);
    return write(bold, 12, text, 4);
  }

  PdfText line(String text) {
    return write(regular, BODY_SIZE, text, 3);
  }

  PdfText strong(String text) {
    return write(bold, BODY_SIZE, text, 3);
  }

  /** Hashes, addresses and links, in a fixed-width font. */
  PdfText code(String text) {
    return write(mono, 8, text, 3);
  }

  PdfText space(float points) {
    y -= points;
    return this;
  }

  byte[] toBytes() {
    try {
      page.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      document.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private PdfText write(PDType1Font font, float size, String text, float after) {
    try {
      for (String piece : wrap(font, size, latin1(text))) {
        if (y - size < MARGIN_POINTS) {
          page.close();
          newPage();
        }
        y -= size;
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(MARGIN_POINTS, y);
        page.showText(piece);
        page.endText();
        y -= after;
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> wrap(PDType1Font font, float size, String text) throws IOException {
    float width = PDRectangle.A4.getWidth() - 2 * MARGIN_POINTS;
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      current.append(text.charAt(i));
      if (font.getStringWidth(current.toString()) / 1000 * size > width) {
        int cut = current.lastIndexOf(" ");
        if (cut <= 0) {
          cut = current.length() - 1;
        }
        out.add(current.substring(0, cut));
        current.delete(0, cut);
        while (current.length() > 0 && current.charAt(0) == ' ') {
          current.deleteCharAt(0);
        }
      }
    }
    out.add(current.toString());
    return out;
  }

  private void newPage() {
    try {
      PDPage next = new PDPage(PDRectangle.A4);
      document.addPage(next);
      page = new PDPageContentStream(document, next);
      y = PDRectangle.A4.getHeight() - MARGIN_POINTS;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Printable Latin-1 kept, the minus sign as a hyphen, anything else (controls too) as '?'. */
  static String latin1(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (c == '\u2212') {
                out.append('-');
              } else if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff)) {
                out.append((char) c);
              } else if (c == '\n' || c == '\t' || c == '\r') {
                out.append(' ');
              } else {
                out.append('?');
              }
            });
    return out.toString();
  }
}
