package org.rtds.web.api;

/**
 * An answer that is one page of a longer list. {@link PagingLinks} adds RFC 8288 {@code Link}
 * headers ({@code first}, {@code prev}, {@code next}, {@code last}) to it, and {@code
 * X-Total-Count}.
 */
public interface PagedAnswer {

  /** The page, 1 for the first. */
  int page();

  /** Items per page. */
  int size();

  /** Items in all pages. */
  long total();
}
