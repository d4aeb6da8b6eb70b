package org.cityos.alerting;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cityos.alerting.internal.notify.ChannelSender;
import org.cityos.alerting.internal.notify.EmailSender;
import org.cityos.alerting.internal.notify.HttpSmsGateway;
import org.cityos.alerting.internal.notify.NotificationDispatcher;
import org.cityos.alerting.internal.notify.NotificationIntake;
import org.cityos.alerting.internal.notify.NotificationMetrics;
import org.cityos.alerting.internal.notify.SmsSender;
import org.cityos.alerting.internal.notify.WebhookSender;
import org.cityos.alerting.persistence.ChannelRepository;
import org.cityos.alerting.persistence.NotificationFeedRepository;
import org.cityos.alerting.persistence.NotificationFlapRepository;
import org.cityos.alerting.persistence.NotificationRepository;
import org.cityos.audit.AuditTrail;
import org.cityos.jobs.PeriodicJob;
import org.cityos.kernel.event.EventBus;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Assembles alarm notifications: the event consumers that write deliveries, the senders (webhook, e-mail through
 * Spring's {@link JavaMailSender} when {@code spring.mail.host} is set, SMS gateways), the dispatcher and its
 * schedule, the channel facade and the live stream.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationConfiguration {

    @Bean
    NotificationMetrics notificationMetrics(ObjectProvider<MeterRegistry> registry) {
        return new NotificationMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    EmailSender notificationEmailSender(ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
        return new EmailSender(mail.getIfAvailable(), properties.mailFrom());
    }

    /** Gateways configured under {@code cityos.alerting.notify.sms.*} and any {@link SmsGateway} beans, by name. */
    @Bean
    SmsSender notificationSmsSender(ListableBeanFactory beans, NotificationProperties properties) {
        Map<String, SmsGateway> gateways = new LinkedHashMap<>(beans.getBeansOfType(SmsGateway.class));
        HttpClient http = httpClient(properties);
        properties.sms().forEach((name, settings) -> {
            if (gateways.putIfAbsent(name, new HttpSmsGateway(http, settings, properties.requestTimeout())) != null) {
                throw new IllegalStateException("SMS gateway '" + name + "' is both configured and a bean");
            }
        });
        return new SmsSender(gateways);
    }

    @Bean
    NotificationIntake notificationIntake(
            ChannelRepository channels,
            NotificationRepository deliveries,
            NotificationFlapRepository flaps,
            NotificationFeedRepository feed,
            Clock clock,
            NotificationProperties properties,
            EventBus bus) {
        NotificationIntake intake =
                new NotificationIntake(channels, deliveries, flaps, feed, clock, properties.flapSettle());
        intake.subscribe(bus);
        return intake;
    }

    @Bean(destroyMethod = "close")
    NotificationDispatcher notificationDispatcher(
            NotificationRepository deliveries,
            ChannelRepository channels,
            NotificationFlapRepository flaps,
            NotificationFeedRepository feed,
            EmailSender email,
            SmsSender sms,
            NotificationMetrics metrics,
            NotificationProperties properties,
            Clock clock) {
        Map<ChannelKind, ChannelSender> senders = new EnumMap<>(ChannelKind.class);
        senders.put(ChannelKind.WEBHOOK, new WebhookSender(httpClient(properties), properties.requestTimeout(), clock));
        senders.put(ChannelKind.EMAIL, email);
        senders.put(ChannelKind.SMS, sms);
        return new NotificationDispatcher(deliveries, channels, flaps, feed, senders, properties, metrics, clock);
    }

    /** Runs the dispatcher every {@code dispatch-interval}, unless scheduling is off. */
    @Bean
    PeriodicJob notificationDispatch(NotificationDispatcher dispatcher, NotificationProperties properties) {
        return PeriodicJob.every("cityos-notify-dispatch", properties.dispatchInterval(), dispatcher)
                .startingIf(properties.scheduled());
    }

    /** Tidies delivered and expired notifications every minute, unless scheduling is off. */
    @Bean
    PeriodicJob notificationTidying(NotificationDispatcher dispatcher, NotificationProperties properties) {
        return PeriodicJob.every("cityos-notify-tidy", java.time.Duration.ofMinutes(1), dispatcher::tidy)
                .startingIf(properties.scheduled());
    }

    @Bean
    NotificationChannels notificationChannels(
            ChannelRepository channels,
            NotificationRepository deliveries,
            EmailSender email,
            SmsSender sms,
            AuditTrail audit,
            Clock clock) {
        return new NotificationChannels(channels, deliveries, email, sms, audit, clock);
    }

    @Bean
    AlarmStream alarmStream(
            NotificationFeedRepository feed,
            NotificationProperties properties,
            NotificationMetrics metrics,
            NotificationIntake intake) {
        AlarmStream stream = new AlarmStream(feed, properties.stream(), metrics.registry());
        intake.whenAppended(stream::nudge);
        return stream;
    }

    private static HttpClient httpClient(NotificationProperties properties) {
        // Redirects are not followed: a signed notice must reach the address its owner configured, or fail.
        return HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
