package org.rtds.ingest.entity;

/** How many rows of each kind the knowledge base holds (every hospital's). */
public record ArchiveCounts(
    long patients, long studies, long series, long ctImages, long structureSets, long doseGrids) {}
