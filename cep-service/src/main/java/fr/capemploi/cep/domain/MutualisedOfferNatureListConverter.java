package fr.capemploi.cep.domain;

import fr.capemploi.events.cep.OperatorDeclarationSubmitted.MutualisedOfferNature;
import jakarta.persistence.Converter;

@Converter
public class MutualisedOfferNatureListConverter extends EnumListConverter<MutualisedOfferNature> {
    public MutualisedOfferNatureListConverter() {
        super(MutualisedOfferNature.class);
    }
}
