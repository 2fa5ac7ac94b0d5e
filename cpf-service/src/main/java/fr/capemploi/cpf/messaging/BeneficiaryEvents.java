package fr.capemploi.cpf.messaging;

import fr.capemploi.platform.consumer.ProjectionChannel;
import fr.capemploi.platform.consumer.ProjectionChannels;
import fr.capemploi.platform.directory.CounsellorDirectoryProjection;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads `beneficiary.events` into the service's local directories of beneficiaries and counsellors. */
@Startup
@ApplicationScoped
public class BeneficiaryEvents {

    private final ProjectionChannel channel;

    public BeneficiaryEvents(ProjectionChannels channels, BeneficiaryProjection beneficiaries,
            CounsellorDirectoryProjection counsellors) {
        this.channel = channels.open("beneficiaries", List.of(channels.feed(beneficiaries), channels.feed(counsellors)));
    }

    @Incoming("beneficiaries")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        channel.deliver(records);
    }
}
