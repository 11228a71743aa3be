package kit_test

import (
	"context"
	"testing"
	"time"

	"parley/app/ui/kit"
)

// queue is a UI goroutine for tests: posted functions wait until run.
type queue chan func()

func (q queue) post(f func()) { q <- f }

// next runs the next posted function, failing after 10 s.
func (q queue) next(t *testing.T) {
	t.Helper()
	select {
	case f := <-q:
		f()
	case <-time.After(10 * time.Second):
		t.Fatal("nothing posted within 10 s")
	}
}

func TestLatestDeliversOnlyTheNewest(t *testing.T) {
	q := make(queue, 16)
	release := make(chan struct{})
	started := make(chan int, 16)
	var got []int
	l := kit.NewLatest(q.post, func(ctx context.Context, n int) int {
		started <- n
		if n == 1 {
			<-release // the first request runs while the others arrive
			if ctx.Err() == nil {
				t.Error("the superseded request's context is not cancelled")
			}
		}
		return n * 10
	}, func(r int) { got = append(got, r) })
	l.Submit(1)
	if n := <-started; n != 1 {
		t.Fatalf("started %d", n)
	}
	l.Submit(2)
	l.Submit(3)
	close(release)
	if n := <-started; n != 3 {
		t.Errorf("ran %d after the first, want only the newest, 3", n)
	}
	q.next(t)
	if len(got) != 1 || got[0] != 30 {
		t.Errorf("delivered %v, want [30]", got)
	}
	if last, ok := l.Last(); !ok || last != 3 {
		t.Errorf("Last = %d, %v", last, ok)
	}
}

func TestLatestDropsAResultOvertakenBeforeDelivery(t *testing.T) {
	q := make(queue, 16)
	var got []string
	l := kit.NewLatest(q.post, func(_ context.Context, s string) string { return s }, func(r string) { got = append(got, r) })
	l.Submit("old")
	posted := <-q // computed and posted, not yet delivered
	l.Submit("new")
	posted() // the old result arrives after the new request: dropped
	q.next(t)
	if len(got) != 1 || got[0] != "new" {
		t.Errorf("delivered %q, want only the newest", got)
	}
}

func TestLatestStop(t *testing.T) {
	q := make(queue, 16)
	delivered := false
	l := kit.NewLatest(q.post, func(_ context.Context, n int) int { return n }, func(int) { delivered = true })
	l.Submit(1)
	posted := <-q
	l.Stop()
	posted()
	l.Submit(2)
	select {
	case f := <-q:
		f()
	case <-time.After(100 * time.Millisecond):
	}
	if delivered {
		t.Error("a stopped worker delivered a result")
	}
}

func TestLatestCancelStillDelivers(t *testing.T) {
	q := make(queue, 16)
	started := make(chan struct{})
	var got error
	l := kit.NewLatest(q.post, func(ctx context.Context, _ int) error {
		close(started)
		<-ctx.Done()
		return ctx.Err()
	}, func(err error) { got = err })
	l.Submit(1)
	<-started
	l.Cancel()
	q.next(t)
	if got != context.Canceled {
		t.Errorf("delivered %v, want the cancelled work's error", got)
	}
}

func TestGo(t *testing.T) {
	q := make(queue, 16)
	var got string
	kit.Go(q.post, func() string { return "done" }, func(s string) { got = s })
	q.next(t)
	if got != "done" {
		t.Errorf("then got %q", got)
	}
}
