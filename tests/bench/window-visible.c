/* window-visible.c: how long a program takes to show its window
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: window-visible [--timeout S] -- PROGRAM [ARG…]
 *
 * Starts PROGRAM, watches the X server for its first top-level window to
 * be mapped and then for the first pixels drawn into it (an XDamage
 * report), prints the time from the start to those pixels in
 * milliseconds, and ends the program. Run it under an X server of its own
 * (xvfb-run), where no window manager reparents windows. It measures any
 * program the same way, so that Waymark's start can be set beside another
 * GTK application's (tests/bench/window-start.py).
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>

/* Damage cannot watch an InputOnly window; such errors are no concern. */
static int
ignore_error (Display     *display,
              XErrorEvent *error)
{
  return 0;
}

static double
now_ms (void)
{
  struct timespec t;

  clock_gettime (CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000.0 + t.tv_nsec / 1e6;
}

int
main (int    argc,
      char **argv)
{
  Display *display;
  Window root;
  int damage_event, damage_error;
  double timeout_ms = 60000, start, mapped_at = -1;
  pid_t pid;
  int first = 1;

  while (first < argc && strcmp (argv[first], "--") != 0)
    {
      if (strcmp (argv[first], "--timeout") == 0 && first + 1 < argc)
        timeout_ms = atof (argv[++first]) * 1000;
      first++;
    }
  if (first + 1 >= argc)
    {
      fprintf (stderr, "Usage: window-visible [--timeout S] -- PROGRAM [ARG…]\n");
      return 2;
    }
  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "window-visible: no X display (run it under xvfb-run)\n");
      return 2;
    }
  if (!XDamageQueryExtension (display, &damage_event, &damage_error))
    {
      fprintf (stderr, "window-visible: the X server has no DAMAGE extension\n");
      return 2;
    }
  XSetErrorHandler (ignore_error);
  root = DefaultRootWindow (display);
  XSelectInput (display, root, SubstructureNotifyMask);
  XSync (display, False);

  start = now_ms ();
  pid = fork ();
  if (pid == 0)
    {
      execvp (argv[first + 1], argv + first + 1);
      _exit (127);
    }

  for (;;)
    {
      struct pollfd fd = { ConnectionNumber (display), POLLIN, 0 };
      double left = timeout_ms - (now_ms () - start);
      int status;

      if (waitpid (pid, &status, WNOHANG) == pid)
        {
          fprintf (stderr, "window-visible: %s exited before showing a window\n", argv[first + 1]);
          return 1;
        }
      if (left <= 0)
        {
          fprintf (stderr, "window-visible: no window within the timeout\n");
          kill (pid, SIGKILL);
          waitpid (pid, NULL, 0);
          return 1;
        }
      while (XPending (display))
        {
          XEvent event;

          XNextEvent (display, &event);
          /* Watched from its creation, so that nothing drawn right after
           * the window is mapped can be missed. */
          if (event.type == CreateNotify && !event.xcreatewindow.override_redirect)
            {
              XDamageCreate (display, event.xcreatewindow.window, XDamageReportNonEmpty);
              XSync (display, False);
            }
          else if (event.type == MapNotify && mapped_at < 0 && !event.xmap.override_redirect)
            mapped_at = now_ms ();
          else if (event.type == damage_event + XDamageNotify && mapped_at >= 0)
            {
              double visible = now_ms () - start;

              printf ("%.1f\n", visible);
              fprintf (stderr, "window-visible: mapped after %.1f ms, first drawn after %.1f ms\n",
                       mapped_at - start, visible);
              fflush (stdout);
              kill (pid, SIGTERM);
              waitpid (pid, NULL, 0);
              return 0;
            }
        }
      poll (&fd, 1, (int) (left < 50 ? left : 50));
    }
}
