// A bounded multi-producer queue: the MQTT network thread pushes, the main thread drains
// once a frame. When full, the oldest item is dropped and counted: under a flood the
// freshest readings matter most, and memory must not grow with the backlog.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <vector>

namespace et::live {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity ? capacity : 1) {}

  void push(T item) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (items_.size() >= capacity_) {
      items_.pop_front();
      ++dropped_;
    }
    items_.push_back(std::move(item));
  }

  // Moves everything queued to the end of `out`; returns how many.
  std::size_t drain(std::vector<T>& out) {
    std::deque<T> taken;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      taken.swap(items_);
    }
    for (T& t : taken) out.push_back(std::move(t));
    return taken.size();
  }

  std::uint64_t dropped() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return dropped_;
  }
  std::size_t size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return items_.size();
  }
  std::size_t capacity() const { return capacity_; }

 private:
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::deque<T> items_;
  std::uint64_t dropped_ = 0;
};

}  // namespace et::live
