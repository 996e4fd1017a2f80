package org.transformpipeline.cli;

public final class TransformCli {
  public static void main(String[] args) {}
}
