package fr.capemploi.cep.domain;

import fr.capemploi.events.cep.DiagnosticRecorded.Barrier;
import jakarta.persistence.Converter;

@Converter
public class BarrierListConverter extends EnumListConverter<Barrier> {
    public BarrierListConverter() {
        super(Barrier.class);
    }
}
