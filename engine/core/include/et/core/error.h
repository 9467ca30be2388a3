// Result/error type used across the engine. Errors are values, not exceptions, at every
// library boundary: a loader returns Result<T> and the CLI prints error.message as the one
// line a user sees. Messages name the file, the place in it and what was expected:
//   "scenes/x/scene.json: /bookmarks/2/eye: expected an array of 3 numbers"
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace et {

struct Error {
  std::string message;
};

// Formats "FILE: PLACE: WHAT" (PLACE may be empty).
Error make_error(const std::string& file, const std::string& place, const std::string& what);

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// For operations that produce nothing but can fail.
struct Ok {};
using Status = Result<Ok>;

}  // namespace et
