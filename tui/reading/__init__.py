"""Pure logic over the model: layout, outline, search, positions, exports, the library, loading."""
