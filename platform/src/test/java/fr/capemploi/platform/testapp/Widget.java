package fr.capemploi.platform.testapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A state change of a test application, to be committed together with its event. */
@Entity
@Table(name = "widget")
public class Widget {
    @Id
    public UUID id;
    public String name;
}
