package kit

import (
	"context"
	"sync"
)

// Latest runs work off the UI goroutine, the latest request winning: a
// request submitted while an earlier one waits or runs supersedes it (the
// earlier one's context is cancelled, and its result, if it still comes, is
// dropped), requests that arrive during a run replace each other, and only
// the result of the newest request is delivered, on the UI goroutine
// through the Post function it was given (the shell gives fyne.Do; tests
// their own). Its goroutine runs while there is work and ends when there is
// none; Stop drops everything not yet delivered.
type Latest[Req, Res any] struct {
	post    func(func())
	run     func(ctx context.Context, req Req) Res
	deliver func(res Res)

	mu      sync.Mutex
	seq     uint64 // of the newest request
	ran     uint64 // of the last request run
	req     Req
	ctx     context.Context
	cancel  context.CancelFunc
	running bool
	stopped bool
}

// NewLatest returns a worker that computes run(ctx, req) off the UI
// goroutine and hands the newest result to deliver through post, which
// runs a function on the UI goroutine.
func NewLatest[Req, Res any](post func(func()), run func(ctx context.Context, req Req) Res, deliver func(res Res)) *Latest[Req, Res] {
	return &Latest[Req, Res]{post: post, run: run, deliver: deliver}
}

// Submit asks for req, superseding every earlier request not yet delivered.
func (l *Latest[Req, Res]) Submit(req Req) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stopped {
		return
	}
	if l.cancel != nil {
		l.cancel()
	}
	l.seq++
	l.req = req
	l.ctx, l.cancel = context.WithCancel(context.Background())
	if !l.running {
		l.running = true
		go l.loop()
	}
}

// Last returns the newest request submitted, false when there was none.
func (l *Latest[Req, Res]) Last() (Req, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.req, l.seq > 0
}

// Cancel cancels the newest request's context; its result (the error of
// work that stopped, say) is still delivered.
func (l *Latest[Req, Res]) Cancel() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cancel != nil {
		l.cancel()
	}
}

// Stop cancels the request running and drops every result not yet
// delivered; later requests are ignored.
func (l *Latest[Req, Res]) Stop() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.stopped = true
	if l.cancel != nil {
		l.cancel()
	}
}

// next returns the newest request not yet run; false, ending the goroutine,
// when there is none.
func (l *Latest[Req, Res]) next() (uint64, Req, context.Context, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stopped || l.ran == l.seq {
		l.running = false
		var zero Req
		return 0, zero, nil, false
	}
	l.ran = l.seq
	return l.seq, l.req, l.ctx, true
}

// current reports whether seq is still the newest request.
func (l *Latest[Req, Res]) current(seq uint64) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return !l.stopped && seq == l.seq
}

func (l *Latest[Req, Res]) loop() {
	for {
		seq, req, ctx, ok := l.next()
		if !ok {
			return
		}
		res := l.run(ctx, req)
		if !l.current(seq) {
			continue // overtaken: run the newer request
		}
		l.post(func() {
			if l.current(seq) {
				l.deliver(res)
			}
		})
	}
}

// Go runs work off the UI goroutine, then then with its result on the UI
// goroutine through post: a Latest given one request, for work that a
// dialog or a busy flag already keeps from being asked twice.
func Go[Res any](post func(func()), work func() Res, then func(Res)) {
	NewLatest(post, func(context.Context, struct{}) Res { return work() }, then).Submit(struct{}{})
}
