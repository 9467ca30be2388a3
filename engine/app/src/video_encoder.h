// H.264 video through ffmpeg: raw RGBA frames are piped into an ffmpeg child process
// (libx264, yuv420p, MP4 with faststart). ffmpeg runs in its own process group, so a
// Ctrl-C meant for `record` does not kill it: record stops feeding frames and finish()
// lets ffmpeg write a complete, playable file of what it got.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>

#include "et/core/error.h"
#include "et/core/image.h"

namespace et::app {

class VideoEncoder {
 public:
  // Starts ffmpeg writing `path` (the caller renames it into place). Fails when ffmpeg
  // cannot be started (not installed).
  static Result<std::unique_ptr<VideoEncoder>> start(const std::string& path, int width,
                                                     int height, int fps);
  ~VideoEncoder();  // kills ffmpeg if finish() was not called

  // Blocks while ffmpeg's pipe is full. An error means ffmpeg stopped (its message).
  Status write(const Image& frame);
  // Closes the pipe and waits for ffmpeg to finish the file.
  Status finish();
  // CPU seconds ffmpeg used (user + system), known after finish().
  double cpu_seconds() const { return cpu_s_; }

 private:
  VideoEncoder() = default;
  std::string ffmpeg_error() const;  // the last line ffmpeg printed

  std::string path_, log_path_;
  int width_ = 0, height_ = 0;
  int fd_ = -1;
  pid_t pid_ = -1;
  double cpu_s_ = 0.0;
};

}  // namespace et::app
