package fr.capemploi.platform.rest;

import java.util.List;

/** One page of a list, with the total so a front end can draw its pager. */
public record Page<T>(List<T> items, long total, int page, int size) {
}
