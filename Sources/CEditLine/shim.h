// el_set and history are C variadic functions, which Swift cannot call; each use gets a
// fixed-signature wrapper here. stdin/stdout/stderr are wrapped too: Swift 6 rejects them as
// shared mutable state.
#ifndef STSIM_CEDITLINE_SHIM_H
#define STSIM_CEDITLINE_SHIM_H

#include <stdio.h>
#include <locale.h>
#include <signal.h>
#include <histedit.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <string.h>

typedef char *(*stsim_prompt_fn)(EditLine *);
typedef unsigned char (*stsim_command_fn)(EditLine *, int);

static inline EditLine *stsim_el_init(const char *prog) {
    return el_init(prog, stdin, stdout, stderr);
}
static inline int stsim_el_set_prompt(EditLine *e, stsim_prompt_fn f) { return el_set(e, EL_PROMPT, f); }
static inline int stsim_el_set_editor(EditLine *e, const char *mode) { return el_set(e, EL_EDITOR, mode); }
static inline int stsim_el_set_signal(EditLine *e, int on) { return el_set(e, EL_SIGNAL, on); }
static inline int stsim_el_addfn(EditLine *e, const char *name, const char *help, stsim_command_fn f) {
    return el_set(e, EL_ADDFN, name, help, f);
}
static inline int stsim_el_bind(EditLine *e, const char *key, const char *fn) {
    return el_set(e, EL_BIND, key, fn, NULL);
}
static inline int stsim_el_set_hist(EditLine *e, History *h) { return el_set(e, EL_HIST, history, h); }
static inline int stsim_el_source_default(EditLine *e) { return el_source(e, NULL); }

static inline int stsim_history_setsize(History *h, HistEvent *ev, int n) { return history(h, ev, H_SETSIZE, n); }
static inline int stsim_history_setunique(History *h, HistEvent *ev, int on) { return history(h, ev, H_SETUNIQUE, on); }
static inline int stsim_history_enter(History *h, HistEvent *ev, const char *line) { return history(h, ev, H_ENTER, line); }
static inline int stsim_history_load(History *h, HistEvent *ev, const char *path) { return history(h, ev, H_LOAD, path); }
static inline int stsim_history_save(History *h, HistEvent *ev, const char *path) { return history(h, ev, H_SAVE, path); }

static inline FILE *stsim_stdout(void) { return stdout; }
static inline FILE *stsim_stdin(void) { return stdin; }

// ioctl is variadic as well; the completion list needs the terminal's width to lay out columns.
// Returns 0 when fd is not a terminal or the width is unknown.
static inline int stsim_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}
static inline FILE *stsim_stderr(void) { return stderr; }

/* Ctrl-C. The flag and the handler live in C: a Swift global touched by a signal handler trips
   Swift's exclusivity checks when the handler interrupts an access to it on the same thread.
   Only InterruptSignal.swift uses these, so the static storage exists once. */
static volatile sig_atomic_t stsim_interrupt_flag = 0;
static volatile sig_atomic_t stsim_command_running = 0;

static inline void stsim_on_sigint(int sig) {
    (void)sig;
    stsim_interrupt_flag = 1;
    /* The terminal is in cooked mode while a command runs and echoes ^C itself; a newline keeps
       the host's "interrupted" message off that line. write(2) is async-signal-safe. */
    if (stsim_command_running) { ssize_t ignored = write(STDOUT_FILENO, "\n", 1); (void)ignored; }
}

/* No SA_RESTART: a blocked read returns EINTR and the loop regains control. */
static inline int stsim_install_sigint(struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = stsim_on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(SIGINT, &action, previous);
}
static inline int stsim_restore_sigint(const struct sigaction *previous) { return sigaction(SIGINT, previous, NULL); }
static inline int stsim_interrupt_pending(void) { return stsim_interrupt_flag != 0; }
static inline void stsim_interrupt_clear(void) { stsim_interrupt_flag = 0; }
static inline void stsim_set_command_running(int on) { stsim_command_running = on; }

#endif
