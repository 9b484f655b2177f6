package dev.payrelay.invoicing.email;

import dev.payrelay.invoicing.domain.Invoice;
import dev.payrelay.invoicing.domain.Payment;
import dev.payrelay.invoicing.outbox.EmailOutbox;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the invoice and receipt emails from the Thymeleaf templates next to this class ({@code
 * invoice.html}, {@code invoice.txt}, {@code receipt.html}, {@code receipt.txt}). The HTML
 * templates write every value with {@code th:text} / {@code th:href}, which escape it:
 * merchant-supplied text (store name, item descriptions, memo, buyer name) can never become markup.
 */
final class EmailComposer {

  private static final String TEMPLATES = "dev/payrelay/invoicing/email/";

  private final TemplateEngine engine = new TemplateEngine();

  EmailComposer() {
    engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 1));
    engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 2));
  }

  ComposedEmail compose(
      EmailOutbox.Kind kind,
      Invoice invoice,
      String storeName,
      URI payUrl,
      List<Payment> payments) {
    String subject = subject(kind, invoice, storeName);
    Map<String, Object> view = EmailView.of(invoice, storeName, payUrl, payments, subject);
    view.put("receipt", kind == EmailOutbox.Kind.RECEIPT);
    Context context = new Context(Locale.ENGLISH, view);
    return new ComposedEmail(
        subject, engine.process("email.txt", context), engine.process("email.html", context));
  }

  /** {@code Invoice INV-000042 from Shop}, {@code Receipt for INV-000042 from Shop}. */
  static String subject(EmailOutbox.Kind kind, Invoice invoice, String storeName) {
    String prefix = kind == EmailOutbox.Kind.RECEIPT ? "Receipt for " : "Invoice ";
    return prefix + invoice.humanNumber() + " from " + HeaderText.oneLine(storeName);
  }

  private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
    ClassLoaderTemplateResolver resolver =
        new ClassLoaderTemplateResolver(EmailComposer.class.getClassLoader());
    resolver.setPrefix(TEMPLATES);
    resolver.setResolvablePatterns(Set.of("*" + suffix));
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    resolver.setCheckExistence(true);
    resolver.setOrder(order);
    return resolver;
  }
}
