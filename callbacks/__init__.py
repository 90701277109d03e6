"""One module per page; each callback reads inputs, calls the query layer and a builder."""
