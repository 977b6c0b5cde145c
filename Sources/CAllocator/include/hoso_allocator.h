#ifndef HOSO_ALLOCATOR_H
#define HOSO_ALLOCATOR_H
/// Always 1: a symbol the command line refers to, so the allocator's settings in this target are linked in.
int hoso_allocator_linked(void);
#endif
