// Plan-view geometry for the clearance checks: segment distances and crossings, polygons,
// and a uniform grid over boxes so that finding what lies near a segment costs about the
// same whatever the size of the scene.
#pragma once

#include <glm/glm.hpp>
#include <vector>

namespace et::plan::geom {

struct Box {
  glm::dvec2 lo{0.0}, hi{0.0};
};

Box box_of(glm::dvec2 a, glm::dvec2 b, double pad = 0.0);
Box box_of(const std::vector<glm::dvec2>& pts, double pad = 0.0);

// Closest points of segments p0-p1 and q0-q1: parameters s (on p) and t (on q) in [0, 1].
// Returns the distance (0 where they cross).
double segment_distance(glm::dvec2 p0, glm::dvec2 p1, glm::dvec2 q0, glm::dvec2 q1, double& s,
                        double& t);

// Where segments p0-p1 and q0-q1 cross (parameters s, t in [0, 1]); false for parallel or
// collinear segments (a shared run is not a crossing).
bool segment_crossing(glm::dvec2 p0, glm::dvec2 p1, glm::dvec2 q0, glm::dvec2 q1, double& s,
                      double& t);

bool point_in_polygon(const std::vector<glm::dvec2>& poly, glm::dvec2 p);  // even-odd

// Distance from segment a-b to a closed polygon's area (0 when the segment touches or
// enters it); `s` is the parameter on a-b of the closest point.
double segment_polygon_distance(const std::vector<glm::dvec2>& poly, glm::dvec2 a, glm::dvec2 b,
                                double& s);

// Uniform grid over items that are each one or more boxes. query() returns each item whose
// box shares a cell with the query box, once per query (more are possible: callers test).
class BoxGrid {
 public:
  // cell: edge of a square cell (grown when the extent would need too many).
  BoxGrid(const std::vector<Box>& boxes, const std::vector<int>& item_of_box, int items,
          double cell);
  void query(const Box& q, std::vector<int>& out);  // appends; stamps dedupe within a query
  void begin_query() { ++tick_; }                   // several boxes, one deduped answer
  void query_more(const Box& q, std::vector<int>& out);

 private:
  int cx(double x) const;
  int cy(double y) const;

  glm::dvec2 lo_{0.0}, hi_{0.0};
  double cell_ = 1.0;
  int nx_ = 0, ny_ = 0;
  std::vector<int> start_, items_;
  std::vector<unsigned> stamp_;
  unsigned tick_ = 0;
};

// Splits segment a-b into pieces no longer than `piece` and returns their boxes, padded:
// a long diagonal segment then covers a band of cells, not its whole bounding box.
void piece_boxes(glm::dvec2 a, glm::dvec2 b, double piece, double pad, std::vector<Box>& out);

}  // namespace et::plan::geom
