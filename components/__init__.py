"""Pure layout pieces and figure builders: data in, components or figures out, no I/O."""
