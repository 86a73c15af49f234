// The latency distribution of a durable WAL-like write on a disk, on its own (issue 12, branch
// pgsave4; docs/performance.md "PostgreSQL save path, round 4"). A preallocated 16 MB file (as a
// WAL segment: zero-filled and flushed first), then N writes of SIZE bytes at increasing offsets,
// each made durable as PostgreSQL does it: MODE "fdatasync" (pwrite + fdatasync, the default
// wal_sync_method) or "odsync" (pwrite on an O_DSYNC descriptor: open_datasync). Prints p50, p90,
// p99, p99.9, max and mean in ms and how many took over 5 ms. pg_test_fsync gives only means.
//
//   cc -O2 -o /tmp/wal-flush-latency scripts/wal-flush-latency.c
//   /tmp/wal-flush-latency /path/on/the/disk/test.tmp 2000 2048 fdatasync   # the file is removed
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <time.h>
static int cmp(const void*a,const void*b){double x=*(double*)a,y=*(double*)b;return x<y?-1:x>y;}
int main(int argc,char**argv){
  const char*path=argv[1]; int n=atoi(argv[2]); int size=atoi(argv[3]); int odsync=strcmp(argv[4],"odsync")==0;
  long total=16L<<20; if((long)n*size>total) total=(long)n*size;
  int fd=open(path,O_RDWR|O_CREAT|O_TRUNC,0600); if(fd<0){perror("open");return 1;}
  char z[65536]={0}; for(long o=0;o<total;o+=sizeof z) if(write(fd,z,sizeof z)!=sizeof z){perror("w");return 1;}
  fsync(fd); close(fd);
  fd=open(path,O_RDWR|(odsync?O_DSYNC:0)); if(fd<0){perror("open2");return 1;}
  char*buf=malloc(size); memset(buf,'x',size);
  double*t=malloc(n*sizeof(double));
  for(int i=0;i<n;i++){struct timespec a,b; clock_gettime(CLOCK_MONOTONIC,&a);
    if(pwrite(fd,buf,size,(off_t)i*size)!=size){perror("pwrite");return 1;}
    if(!odsync && fdatasync(fd)){perror("fdatasync");return 1;}
    clock_gettime(CLOCK_MONOTONIC,&b); t[i]=(b.tv_sec-a.tv_sec)*1e3+(b.tv_nsec-a.tv_nsec)/1e6;}
  qsort(t,n,sizeof(double),cmp); double s=0; int over=0; for(int i=0;i<n;i++){s+=t[i]; if(t[i]>5.0) over++;}
  printf("%-9s %5d B n %d: p50 %.3f p90 %.3f p99 %.3f p99.9 %.3f max %.3f mean %.3f ms; >5 ms: %d\n",argv[4],size,n,
    t[n/2],t[n*90/100],t[n*99/100],t[n*999/1000],t[n-1],s/n,over);
  close(fd); unlink(path); return 0;}
