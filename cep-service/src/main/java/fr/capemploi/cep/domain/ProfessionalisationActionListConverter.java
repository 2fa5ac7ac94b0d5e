package fr.capemploi.cep.domain;

import fr.capemploi.events.cep.OperatorDeclarationSubmitted.ProfessionalisationAction;
import jakarta.persistence.Converter;

@Converter
public class ProfessionalisationActionListConverter extends EnumListConverter<ProfessionalisationAction> {
    public ProfessionalisationActionListConverter() {
        super(ProfessionalisationAction.class);
    }
}
