package org.cityos.alerting.internal.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.cityos.alerting.Channel;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends a plain-text UTF-8 mail through the SMTP server Spring configures from {@code spring.mail.*}. A message
 * that cannot be built fails for good; a server that refuses or cannot be reached is retried.
 */
public final class EmailSender implements ChannelSender {
    private final JavaMailSender mail;
    private final String from;

    /** {@code mail} is null when no SMTP server is configured; channels are refused then, old ones fail. */
    public EmailSender(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    public boolean configured() {
        return mail != null;
    }

    @Override
    public Outcome send(Channel channel, Notice notice) {
        if (mail == null) {
            return Outcome.failed("no SMTP server is configured (spring.mail.host)");
        }
        MimeMessage message;
        try {
            message = mail.createMimeMessage();
            MimeMessageHelper m = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            m.setFrom(from);
            m.setTo(channel.recipients().toArray(String[]::new));
            m.setSubject(notice.subject());
            m.setText(notice.text(), false);
            message.setHeader("X-CityOS-Delivery", notice.deliveryId().toString());
            message.setHeader("X-CityOS-Event", notice.change().eventName());
        } catch (MessagingException | RuntimeException e) {
            return Outcome.failed("the message could not be built: " + Outcome.describe(e));
        }
        try {
            mail.send(message);
            return Outcome.delivered();
        } catch (MailParseException | MailPreparationException e) {
            return Outcome.failed(Outcome.describe(e));
        } catch (MailAuthenticationException e) {
            // Credentials may be fixed by an operator before the attempts run out.
            return Outcome.retry(Outcome.describe(e));
        } catch (MailException e) {
            return Outcome.retry(Outcome.describe(e));
        }
    }
}
