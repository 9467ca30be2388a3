// Whole-file reads and atomic writes. Outputs are written to a temporary file beside the
// target and renamed over it, so a failure never leaves a half-written file behind.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "et/core/error.h"

namespace et {

Result<std::string> read_text_file(const std::string& path);

// Writes `size` bytes to `path` atomically (temp file + rename).
Status write_file_atomic(const std::string& path, const void* data, size_t size);
Status write_text_atomic(const std::string& path, const std::string& text);

// Line and column (1-based) of byte offset `offset` in `text`, for error messages.
std::string line_col(const std::string& text, size_t offset);

}  // namespace et
