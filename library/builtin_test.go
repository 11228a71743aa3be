package library_test

import (
	"reflect"
	"testing"

	"parley/library"
)

// TestBuiltinInfoIsThePacks checks that BuiltinInfo, which reads pack.json
// alone, says what the whole built-in pack, read and checked, says.
func TestBuiltinInfoIsThePacks(t *testing.T) {
	p, err := library.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if got := library.BuiltinInfo(); !reflect.DeepEqual(got, p.Info) {
		t.Fatalf("BuiltinInfo() = %+v, want the pack's %+v", got, p.Info)
	}
	if p.Info.Vintage == "" {
		t.Fatal("the built-in pack has no vintage")
	}
}
