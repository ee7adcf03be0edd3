package org.rtds.ingest.entity;

import java.util.List;

/**
 * One page of a longer result.
 *
 * @param items this page's items
 * @param total items matching in all pages
 * @param <T> item type
 */
public record ResultPage<T>(List<T> items, long total) {

  public ResultPage {
    items = List.copyOf(items);
  }
}
