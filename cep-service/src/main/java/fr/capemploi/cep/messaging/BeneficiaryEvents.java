package fr.capemploi.cep.messaging;

import fr.capemploi.platform.consumer.ProjectionChannel;
import fr.capemploi.platform.directory.CounsellorDirectoryProjection;
import fr.capemploi.platform.consumer.ProjectionChannels;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads `beneficiary.events` into the service's local directory of beneficiaries, structures and counsellors. */
@Startup
@ApplicationScoped
public class BeneficiaryEvents {

    private final ProjectionChannel channel;

    public BeneficiaryEvents(ProjectionChannels channels, BeneficiaryDirectoryProjection projection,
            CounsellorDirectoryProjection counsellors) {
        this.channel = channels.open("beneficiary-directory", List.of(channels.feed(projection),
                channels.feed(counsellors)));
    }

    @Incoming("beneficiary-directory")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        channel.deliver(records);
    }
}
