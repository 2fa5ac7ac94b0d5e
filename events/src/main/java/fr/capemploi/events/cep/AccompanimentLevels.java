package fr.capemploi.events.cep;

/**
 * The CEP levels an accompaniment can be at (arrêté du 16 juillet 2014): 2 (conseil personnalisé) and 3
 * (accompagnement personnalisé); level 1 is a level-1 contact, never an accompaniment. Part of the contract of
 * {@link AccompanimentOpened} and {@link AccompanimentLevelChanged}: cep-service enforces it, the consumers rely on it.
 */
public final class AccompanimentLevels {

    public static final int LOWEST = 2;
    public static final int HIGHEST = 3;

    private AccompanimentLevels() {
    }

    public static boolean isAccompanimentLevel(int level) {
        return level >= LOWEST && level <= HIGHEST;
    }
}
