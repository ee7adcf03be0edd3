package org.rtds.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintViolationMapperTest {

  record Node(String name, ElementKind kind) implements Path.Node {
    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean isInIterable() {
      return false;
    }

    @Override
    public Integer getIndex() {
      return null;
    }

    @Override
    public Object getKey() {
      return null;
    }

    @Override
    public ElementKind getKind() {
      return kind;
    }

    @Override
    public <T extends Path.Node> T as(Class<T> type) {
      return type.cast(this);
    }
  }

  record FakePath(List<Path.Node> nodes) implements Path {
    @Override
    public Iterator<Path.Node> iterator() {
      return nodes.iterator();
    }
  }

  @Test
  void aFieldIsNamedAsTheCallerSentItWithoutTheJavaMethodOrParameter() {
    Path days =
        new FakePath(
            List.of(
                new Node("create", ElementKind.METHOD),
                new Node("arg0", ElementKind.PARAMETER),
                new Node("days", ElementKind.PROPERTY)));
    assertThat(ConstraintViolationMapper.field(days)).isEqualTo("days");
    Path body =
        new FakePath(
            List.of(
                new Node("create", ElementKind.METHOD), new Node("arg0", ElementKind.PARAMETER)));
    assertThat(ConstraintViolationMapper.field(body)).isEqualTo("body");
    Path nested =
        new FakePath(
            List.of(
                new Node("draft", ElementKind.PROPERTY), new Node("name", ElementKind.PROPERTY)));
    assertThat(ConstraintViolationMapper.field(nested)).isEqualTo("draft.name");
  }
}
