package fr.capemploi.platform.directory;

import java.util.UUID;

/** A record another service announced, as a service keeps it in its own table: whose structure it is. */
public interface DirectoryEntry {

    UUID structureId();
}
