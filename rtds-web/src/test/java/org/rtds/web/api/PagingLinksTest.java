package org.rtds.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagingLinksTest {

  record Page(int page, int size, long total) implements PagedAnswer {}

  private static List<String> links(String uri, int page, int size, long total) {
    return PagingLinks.links(UriBuilder.fromUri(uri), new Page(page, size, total)).stream()
        .map(Link::toString)
        .toList();
  }

  @Test
  void aMiddlePageLinksToEveryNeighbourKeepingTheOtherParameters() {
    assertThat(links("http://h/rtds/api/v1/patients?q=doe&page=2&size=10", 2, 10, 35))
        .containsExactly(
            "<http://h/rtds/api/v1/patients?q=doe&size=10&page=1>; rel=\"first\"",
            "<http://h/rtds/api/v1/patients?q=doe&size=10&page=1>; rel=\"prev\"",
            "<http://h/rtds/api/v1/patients?q=doe&size=10&page=3>; rel=\"next\"",
            "<http://h/rtds/api/v1/patients?q=doe&size=10&page=4>; rel=\"last\"");
  }

  @Test
  void theFirstAndLastPagesHaveNoPrevOrNext() {
    assertThat(links("http://h/x", 1, 10, 10))
        .containsExactly("<http://h/x?page=1>; rel=\"first\"", "<http://h/x?page=1>; rel=\"last\"");
  }

  @Test
  void anEmptyListHasOnePageAndAPageBeyondTheEndPointsBackToTheLast() {
    assertThat(links("http://h/x?page=1", 1, 50, 0))
        .containsExactly("<http://h/x?page=1>; rel=\"first\"", "<http://h/x?page=1>; rel=\"last\"");
    assertThat(links("http://h/x?page=9", 9, 50, 60))
        .containsExactly(
            "<http://h/x?page=1>; rel=\"first\"",
            "<http://h/x?page=2>; rel=\"prev\"",
            "<http://h/x?page=2>; rel=\"last\"");
  }
}
