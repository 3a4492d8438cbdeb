package platform

import "testing"

func TestGLVersionAtLeast(t *testing.T) {
	for _, tc := range []struct {
		v  string
		ok bool
	}{
		{"2.1 Mesa 23.2.1", true}, {"4.6.0 NVIDIA 550.54", true}, {"3.0", true}, {"2.1", true},
		{"1.1.0", false}, {"2.0.3", false}, {"1.4 (2.1 Mesa 7.0)", false}, {"", false}, {"OpenGL", false},
		{"OpenGL ES 3.2 Mesa", true}, {"x.y", false}, {" 10.0 ", true},
	} {
		if got := GLVersionAtLeast(tc.v, 2, 1); got != tc.ok {
			t.Errorf("GLVersionAtLeast(%q, 2, 1) = %v, want %v", tc.v, got, tc.ok)
		}
	}
}
