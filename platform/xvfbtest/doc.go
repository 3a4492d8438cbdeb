// Package xvfbtest starts X servers (Xvfb) for tests that need a display:
// the graphics check's (platform) and the no-window start's (main). Only
// tests import it (app/internal/deptest keeps it so).
package xvfbtest
