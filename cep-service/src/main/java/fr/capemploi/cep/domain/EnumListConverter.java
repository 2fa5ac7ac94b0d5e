package fr.capemploi.cep.domain;

import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.List;

/** Stores a short list of categories as one comma-separated column: they are read and written with their record. */
public abstract class EnumListConverter<E extends Enum<E>> implements AttributeConverter<List<E>, String> {

    private final Class<E> type;

    protected EnumListConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(List<E> values) {
        return values == null ? "" : String.join(",", values.stream().map(Enum::name).toList());
    }

    @Override
    public List<E> convertToEntityAttribute(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return Arrays.stream(column.split(",")).map(name -> Enum.valueOf(type, name)).toList();
    }
}
