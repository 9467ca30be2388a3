#include "video_encoder.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

extern char** environ;

namespace et::app {

Result<std::unique_ptr<VideoEncoder>> VideoEncoder::start(const std::string& path, int width,
                                                          int height, int fps) {
  std::unique_ptr<VideoEncoder> e(new VideoEncoder());
  e->path_ = path;
  e->log_path_ = path + ".ffmpeg.log";
  e->width_ = width;
  e->height_ = height;
  // A broken pipe is reported by write() as EPIPE; the default would kill the process.
  ::signal(SIGPIPE, SIG_IGN);
  int p[2];
  if (::pipe2(p, O_CLOEXEC) != 0) return Error{path + ": cannot create a pipe to ffmpeg: " + std::strerror(errno)};
  const std::string size = std::to_string(width) + "x" + std::to_string(height);
  const std::string rate = std::to_string(fps);
  // -crf 18: visually lossless for line art on a flat background (pipes, legend text).
  std::vector<std::string> args = {"ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                                   "-f", "rawvideo", "-pix_fmt", "rgba", "-s", size, "-r", rate,
                                   "-i", "pipe:0", "-an", "-c:v", "libx264", "-preset", "medium",
                                   "-crf", "18", "-pix_fmt", "yuv420p", "-movflags", "+faststart",
                                   "-f", "mp4", path};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, p[0], 0);
  posix_spawn_file_actions_addopen(&fa, 2, e->log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  // Its own process group: Ctrl-C in the terminal reaches record, which then ends the
  // video cleanly, instead of ffmpeg dying halfway through the file.
  posix_spawnattr_setpgroup(&attr, 0);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  sigaddset(&defaults, SIGINT);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF);
  int rc = posix_spawnp(&e->pid_, "ffmpeg", &fa, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  ::close(p[0]);
  if (rc != 0) {
    ::close(p[1]);
    e->pid_ = -1;
    ::unlink(e->log_path_.c_str());
    return Error{path + ": cannot start ffmpeg (" + std::strerror(rc) +
                 "); install it (Debian: apt-get install ffmpeg)"};
  }
  e->fd_ = p[1];
  return e;
}

VideoEncoder::~VideoEncoder() {
  if (fd_ >= 0) ::close(fd_);
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  ::unlink(log_path_.c_str());
}

std::string VideoEncoder::ffmpeg_error() const {
  std::ifstream in(log_path_);
  std::string line, last;
  while (std::getline(in, line))
    if (!line.empty()) last = line;
  return last.empty() ? "ffmpeg failed" : "ffmpeg: " + last;
}

Status VideoEncoder::write(const Image& frame) {
  if (fd_ < 0) return Error{path_ + ": the encoder is closed"};
  if (frame.width != width_ || frame.height != height_)
    return Error{path_ + ": frame size differs from the video's"};
  const std::uint8_t* p = frame.rgba.data();
  size_t left = frame.rgba.size();
  while (left > 0) {
    ssize_t n = ::write(fd_, p, left);
    if (n < 0 && errno == EINTR) continue;  // a Ctrl-C arrived: finish this frame anyway
    if (n <= 0) {
      Status s = finish();
      return s ? Error{path_ + ": ffmpeg stopped reading frames"} : s.error();
    }
    p += n;
    left -= size_t(n);
  }
  return Ok{};
}

Status VideoEncoder::finish() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (pid_ <= 0) return Error{path_ + ": ffmpeg is not running"};
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  rusage ru{};
  if (::getrusage(RUSAGE_CHILDREN, &ru) == 0)
    cpu_s_ = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
             double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return Error{path_ + ": " + ffmpeg_error()};
  return Ok{};
}

}  // namespace et::app
