#pragma once

namespace counterline::server {

// In builds with COUNTERLINE_FAULT_POINTS (those that carry the tests), a process whose
// environment variable COUNTERLINE_FAULT_POINT names `point` dies there at once by SIGKILL, as
// a power cut would take it: no destructor, no rollback, no answer. Elsewhere it does nothing.
void faultPoint(const char *point);

} // namespace counterline::server
