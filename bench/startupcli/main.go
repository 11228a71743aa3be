// Command startupcli is the timer of bench/startup_cli.sh: it starts a base
// command and a measured command in turn, RUNS times each, as whole
// processes with their output dropped, and reads each process's wall time
// and CPU time (user + system, in microseconds from the kernel's rusage),
// finer than /usr/bin/time's 10 ms steps. It prints the medians, the ratio
// of the measured command to the base, and the goal the ratio is held to.
//
//	go run ./bench/startupcli -runs 21 -base 'parley version' -cmd 'parley compute today --format json'
//
// Commands are split on spaces (no quoting). Runs alternate base and
// command so that a change of load on a shared machine reaches both.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"
)

// sample is one process's wall and CPU time in milliseconds.
type sample struct{ wall, cpu float64 }

func main() {
	runs := flag.Int("runs", 21, "number of runs of each command")
	base := flag.String("base", "", "the command the other is compared with")
	cmd := flag.String("cmd", "", "the command measured")
	goal := flag.Float64("goal", 1.5, "the ratio the measured command must not exceed")
	warm := flag.Int("warm", 2, "untimed runs of each command first (page cache)")
	flag.Parse()
	if *base == "" || *cmd == "" || *runs < 1 {
		fmt.Fprintln(os.Stderr, "usage: startupcli -base CMD -cmd CMD [-runs N] [-goal R]")
		os.Exit(2)
	}
	b, c := strings.Fields(*base), strings.Fields(*cmd)
	for i := 0; i < *warm; i++ {
		if _, err := run(b); err != nil {
			fail(err)
		}
		if _, err := run(c); err != nil {
			fail(err)
		}
	}
	var bs, cs []sample
	for i := 0; i < *runs; i++ {
		s, err := run(b)
		if err != nil {
			fail(err)
		}
		bs = append(bs, s)
		if s, err = run(c); err != nil {
			fail(err)
		}
		cs = append(cs, s)
	}
	bw, bc := medians(bs)
	cw, cc := medians(cs)
	fmt.Printf("%d runs each, interleaved; medians in ms\n", *runs)
	fmt.Printf("%-45s wall %7.1f  cpu %7.1f\n", *base, bw, bc)
	fmt.Printf("%-45s wall %7.1f  cpu %7.1f\n", *cmd, cw, cc)
	fmt.Printf("ratio: wall %.2fx  cpu %.2fx  (goal %.2fx)\n", cw/bw, cc/bc, *goal)
}

// run starts args as a process, waits for it and returns its times; a
// failing command is an error.
func run(args []string) (sample, error) {
	p := exec.Command(args[0], args[1:]...)
	p.Stderr = os.Stderr
	start := time.Now()
	if err := p.Run(); err != nil {
		return sample{}, fmt.Errorf("%s: %w", strings.Join(args, " "), err)
	}
	wall := time.Since(start)
	st := p.ProcessState
	cpu := st.UserTime() + st.SystemTime()
	return sample{wall: ms(wall), cpu: ms(cpu)}, nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// medians returns the median wall and CPU time of ss.
func medians(ss []sample) (wall, cpu float64) {
	w := make([]float64, len(ss))
	c := make([]float64, len(ss))
	for i, s := range ss {
		w[i], c[i] = s.wall, s.cpu
	}
	return median(w), median(c)
}

func median(v []float64) float64 {
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "startupcli:", err)
	os.Exit(1)
}
