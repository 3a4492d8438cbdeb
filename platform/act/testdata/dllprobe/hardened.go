//go:build hardened

package main

import _ "transitionhelper/platform/act" // its init calls HardenDLLSearch
