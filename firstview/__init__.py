"""The first view of a page drawn on the server: a Dash component tree frozen into server-made HTML
(`freeze`, the markup of each component in `markup`), the whole first view as HTML inside the index
page (`snapshot`), still pictures of the charts drawn by matplotlib (`picture`), and QR codes of page
addresses (`qr`). It takes the trees the Dash renderers build; it never builds a page itself."""
